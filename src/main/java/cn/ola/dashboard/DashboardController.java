package cn.ola.dashboard;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.ola.workflow.ExOfficioReviews;

/** The supervisors' dashboard; the security configuration lets only supervisors and administrators in. */
@Controller
@RequestMapping("/staff/dashboard")
class DashboardController {

    private final Dashboard dashboard;
    private final ExOfficioReviews exOfficio;

    DashboardController(Dashboard dashboard, ExOfficioReviews exOfficio) {
        this.dashboard = dashboard;
        this.exOfficio = exOfficio;
    }

    /** The figures as tables; the script on the page adds the charts. */
    @GetMapping
    String page(Locale locale, Model model) {
        model.addAttribute("dashboard", dashboard.figures(locale));
        model.addAttribute("exOfficioReviews", exOfficio.openCount());
        return "dashboard/dashboard";
    }

    /** The same figures for the charts. */
    @GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    DashboardFigures data(Locale locale) {
        return dashboard.figures(locale);
    }
}
