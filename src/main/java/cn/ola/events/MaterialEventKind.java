package cn.ola.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The material events a listed company reports to the CSRC within 3 working days after their
 * announcement (Trial Measures for the Overseas Offering and Listing by Domestic Companies, Art. 15).
 */
public enum MaterialEventKind {
    /** 控制权变更. */
    CHANGE_OF_CONTROL,
    /** 境外证券监督管理机构或者有关主管部门采取调查、处罚等措施. */
    OVERSEAS_INVESTIGATION,
    /** 转换上市地位或者上市板块. */
    LISTING_STATUS_CHANGE,
    /** 主动终止上市. */
    VOLUNTARY_DELISTING,
    /** 强制终止上市. */
    FORCED_DELISTING;

    public static Optional<MaterialEventKind> parse(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(kind -> kind.name().equals(code.strip())).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
