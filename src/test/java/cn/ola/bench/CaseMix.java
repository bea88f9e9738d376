package cn.ola.bench;

import java.util.SplittableRandom;

import cn.ola.filing.ApplicationFacts;
import cn.ola.support.PlatformFacts;

/**
 * The mix of cases of the benchmark issue. About 40% of the companies hold more than 1,000,000
 * users' data, run a network platform and list in New York: a mandatory cybersecurity review
 * with two member agencies consulted; in one of ten such reviews an agency disagrees and the
 * office holds a special review. 20% are asked for materials on their personal-information
 * self-assessment, 5% withdraw after the intake check, the rest go straight to the filing.
 */
enum CaseMix {
    REVIEW, SPECIAL_REVIEW, MATERIALS, WITHDRAWN, STRAIGHT;

    /** The same case kind for the same index in every run. */
    static CaseMix of(int index) {
        SplittableRandom random = new SplittableRandom(0x5EED_0000L + index);
        double draw = random.nextDouble();
        if (draw < 0.05) {
            return WITHDRAWN;
        }
        if (draw < 0.45) {
            return random.nextDouble() < 0.10 ? SPECIAL_REVIEW : REVIEW;
        }
        return draw < 0.65 ? MATERIALS : STRAIGHT;
    }

    boolean large() {
        return this == REVIEW || this == SPECIAL_REVIEW;
    }

    /**
     * What the company files. The overseas application date is left open, so that the company
     * reports it when the CSRC filing starts, as most companies do.
     */
    ApplicationFacts facts() {
        boolean large = large();
        return PlatformFacts.platform().issuer("Benchmark Data Holdings Ltd. (Cayman)").appliedAbroadOn(null)
                .users(large ? 3_200_000L : 400_000L).exported(large ? 150_000L : 50_000L).build();
    }
}
