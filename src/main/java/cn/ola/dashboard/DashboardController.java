package cn.ola.dashboard;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.ola.events.SubsequentOfferings;
import cn.ola.workflow.ExOfficioReviews;

/** The supervisors' dashboard; the security configuration lets only supervisors and administrators in. */
@Controller
@RequestMapping("/staff/dashboard")
class DashboardController {

    private final Dashboard dashboard;
    private final ExOfficioReviews exOfficio;
    private final SubsequentOfferings offerings;

    DashboardController(Dashboard dashboard, ExOfficioReviews exOfficio, SubsequentOfferings offerings) {
        this.dashboard = dashboard;
        this.exOfficio = exOfficio;
        this.offerings = offerings;
    }

    /** The figures as tables; the script on the page adds the charts. */
    @GetMapping
    String page(Locale locale, Model model) {
        model.addAttribute("dashboard", dashboard.figures(locale));
        model.addAttribute("exOfficioReviews", exOfficio.openCount());
        model.addAttribute("openOfferings", offerings.open());
        return "dashboard/dashboard";
    }

    /** The same figures for the charts. */
    @GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    DashboardFigures data(Locale locale) {
        return dashboard.figures(locale);
    }
}
