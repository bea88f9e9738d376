package cn.ola.staff;

import static cn.ola.staff.PageParameters.blankToNull;
import static cn.ola.staff.PageParameters.problem;
import static cn.ola.staff.PageParameters.parseInt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.Stage;

/**
 * The staff list of cases: {@code GET /staff/applications?q=&status=&stage=&overdue=&page=&size=&sort=}.
 * Parameters arrive as text and are checked here, so that a wrong one gets a message on the
 * page (and status 400) instead of an error page; the search still runs with the default in
 * its place.
 */
@Controller
class ApplicationSearchController {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 200;
    static final String DEFAULT_SORT = "submitted,desc";

    private final ApplicationSearch search;

    ApplicationSearchController(ApplicationSearch search) {
        this.search = search;
    }

    @GetMapping("/staff/applications")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort, Model model, HttpServletRequest request,
            HttpServletResponse response, org.springframework.security.core.Authentication user) {
        List<DefaultMessageSourceResolvable> errors = new ArrayList<>();

        String text = blankToNull(q);
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(problem("staff.search.error.text", MAX_TEXT));
            text = null;
        }
        String statusFilter = blankToNull(status);
        if (statusFilter != null && !CaseStatus.names(CaseStatus.ofSubmittedCases()).contains(statusFilter)) {
            errors.add(problem("staff.search.error.status", statusFilter, String.join(", ", CaseStatus.names(CaseStatus.ofSubmittedCases()))));
            statusFilter = null;
        }
        String stageFilter = blankToNull(stage);
        if (stageFilter != null && !Stage.namesOfCaseStages().contains(stageFilter)) {
            errors.add(problem("staff.search.error.stage", stageFilter, String.join(", ", Stage.namesOfCaseStages())));
            stageFilter = null;
        }
        Boolean overdueFilter = null;
        if (blankToNull(overdue) != null) {
            switch (overdue.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> overdueFilter = true;
                case "false" -> overdueFilter = false;
                default -> errors.add(problem("staff.search.error.overdue", overdue));
            }
        }
        int pageNumber = 0;
        if (blankToNull(page) != null) {
            Integer parsed = parseInt(page);
            if (parsed == null || parsed < 0) {
                errors.add(problem("staff.search.error.page", page));
            } else {
                pageNumber = parsed;
            }
        }
        int pageSize = DEFAULT_SIZE;
        if (blankToNull(size) != null) {
            Integer parsed = parseInt(size);
            if (parsed == null || parsed < 1 || parsed > MAX_SIZE) {
                errors.add(problem("staff.search.error.size", size, MAX_SIZE));
            } else {
                pageSize = parsed;
            }
        }
        ApplicationSearch.Sort sortColumn = ApplicationSearch.Sort.SUBMITTED;
        boolean descending = true;
        if (blankToNull(sort) != null) {
            String[] parts = sort.strip().split(",", -1);
            ApplicationSearch.Sort column = ApplicationSearch.Sort.byParameter(parts[0].strip().toLowerCase(Locale.ROOT));
            String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
            if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                errors.add(problem("staff.search.error.sort", sort));
            } else {
                sortColumn = column;
                descending = direction.equals("desc");
            }
        }
        // The page number is checked against the result only after counting: a page past the end is not an error, just empty.
        var criteria = new ApplicationSearch.Criteria(text, statusFilter, stageFilter, overdueFilter, pageNumber, pageSize,
                sortColumn, descending, StaffCaseController.reader(user));
        ApplicationSearch.Result result = search.search(criteria);

        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("stage", stage);
        model.addAttribute("overdue", overdue);
        model.addAttribute("sizeParam", size);
        model.addAttribute("statuses", CaseStatus.names(CaseStatus.ofSubmittedCases()));
        model.addAttribute("stages", Stage.namesOfCaseStages());
        model.addAttribute("result", result);
        model.addAttribute("sort", sortColumn.parameter());
        model.addAttribute("descending", descending);
        model.addAttribute("links", new Links(request.getContextPath() + "/staff/applications", criteria));
        return "staff/applications";
    }

    /** Links that keep the current search and change one thing: the page or the order. */
    static final class Links {

        private final String path;
        private final ApplicationSearch.Criteria criteria;

        Links(String path, ApplicationSearch.Criteria criteria) {
            this.path = path;
            this.criteria = criteria;
        }

        public String page(int page) {
            return build(page, criteria.sort(), criteria.descending());
        }

        /** Sorting by a column: ascending first, the other way round when it is already the order. */
        public String sortBy(String column) {
            ApplicationSearch.Sort sort = ApplicationSearch.Sort.byParameter(column);
            boolean descending = sort == criteria.sort() ? !criteria.descending() : sort == ApplicationSearch.Sort.SUBMITTED;
            return build(0, sort, descending);
        }

        private String build(int page, ApplicationSearch.Sort sort, boolean descending) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            if (criteria.text() != null) {
                uri.queryParam("q", criteria.text());
            }
            if (criteria.status() != null) {
                uri.queryParam("status", criteria.status());
            }
            if (criteria.stage() != null) {
                uri.queryParam("stage", criteria.stage());
            }
            if (criteria.overdue() != null) {
                uri.queryParam("overdue", criteria.overdue());
            }
            if (criteria.size() != DEFAULT_SIZE) {
                uri.queryParam("size", criteria.size());
            }
            uri.queryParam("sort", sort.parameter() + (descending ? ",desc" : ",asc"));
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }
}
