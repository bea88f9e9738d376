package cn.ola.dashboard;

import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.ola.security.Roles;

/** Names of stages, statuses, groups and decision kinds in the reader's language; unknown codes show as they are. */
final class Labels {

    private final MessageSource messages;
    private final Locale locale;

    Labels(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String text(String code) {
        return messages.getMessage(code, null, code, locale);
    }

    String stage(String stage) {
        return stage == null ? text("dashboard.stage.none") : named("dashboard.stage.", stage);
    }

    String status(String status) {
        return named("dashboard.status.", status);
    }

    String kind(DecisionKind kind) {
        return text("dashboard.kind." + kind.name());
    }

    String group(String group) {
        if (group.startsWith(Roles.MEMBER_AGENCY_PREFIX)) {
            return messages.getMessage("dashboard.group.memberAgency",
                    new Object[] {group.substring(Roles.MEMBER_AGENCY_PREFIX.length()).toUpperCase(Locale.ROOT)}, locale);
        }
        if (group.startsWith(Roles.INDUSTRY_REGULATOR_PREFIX)) {
            return messages.getMessage("dashboard.group.industryRegulator",
                    new Object[] {group.substring(Roles.INDUSTRY_REGULATOR_PREFIX.length())}, locale);
        }
        return named("dashboard.group.", group);
    }

    private String named(String prefix, String code) {
        return messages.getMessage(prefix + code, null, code, locale);
    }
}
