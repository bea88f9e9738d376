package cn.ola.filing;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the stages ({@link Stage}) a case stands in at one time. Most stages follow one another:
 * entering one leaves the one before. The checks inside the regulatory checks run side by side: each is current from its start
 * to its end, next to the others, and while any of them is current the case shows the checks
 * themselves rather than the regulatory checks they belong to.
 */
public final class Stages {

    /** Every stage, in the order of the process; a case's current stages are listed in this order. */
    public static final List<String> IN_PROCESS_ORDER = Stage.names();

    /** For each stage that runs side by side with others, the stage of the block it belongs to. */
    public static final Map<String, String> PARALLEL_BLOCK_OF = Arrays.stream(Stage.values())
            .filter(stage -> stage.block().isPresent())
            .collect(Collectors.toUnmodifiableMap(Enum::name, stage -> stage.block().orElseThrow().name()));

    private static final Comparator<String> PROCESS_ORDER = Comparator
            .comparingInt((String stage) -> IN_PROCESS_ORDER.contains(stage) ? IN_PROCESS_ORDER.indexOf(stage)
                    : IN_PROCESS_ORDER.size())
            .thenComparing(Comparator.naturalOrder());

    private Stages() {
    }

    /** The current stages after the case entered {@code stage}. */
    public static Set<String> entered(Collection<String> current, String stage) {
        String block = PARALLEL_BLOCK_OF.get(stage);
        if (block == null) {
            return Set.of(stage);
        }
        Set<String> next = new LinkedHashSet<>(current);
        next.remove(block);
        next.add(stage);
        return Set.copyOf(next);
    }

    /**
     * The current stages after {@code stage} ended. When the last check of a block ends, the case
     * stands in the block again until the next stage is entered.
     */
    public static Set<String> ended(Collection<String> current, String stage) {
        Set<String> next = new LinkedHashSet<>(current);
        if (!next.remove(stage)) {
            return Set.copyOf(current);
        }
        String block = PARALLEL_BLOCK_OF.get(stage);
        if (block != null && next.stream().noneMatch(other -> block.equals(PARALLEL_BLOCK_OF.get(other)))) {
            next.add(block);
        }
        return Set.copyOf(next);
    }

    /**
     * The current stages set right from the checks whose processes run now, for a case that stands
     * in their block: a case carried over from the single stage column held only the check entered
     * last. A case outside the block, or with no check running, keeps its stages.
     */
    public static Set<String> withChecksUnderWay(Collection<String> current, Set<String> checksUnderWay) {
        boolean inBlock = current.stream().anyMatch(stage -> PARALLEL_BLOCK_OF.containsKey(stage)
                || PARALLEL_BLOCK_OF.containsValue(stage));
        if (!inBlock || checksUnderWay.isEmpty()) {
            return Set.copyOf(current);
        }
        Set<String> next = new LinkedHashSet<>(current);
        next.removeIf(stage -> PARALLEL_BLOCK_OF.containsKey(stage) || PARALLEL_BLOCK_OF.containsValue(stage));
        next.addAll(checksUnderWay);
        return Set.copyOf(next);
    }

    /** The stages in the order of the process (unknown ones last, by name). */
    public static List<String> inProcessOrder(Collection<String> stages) {
        return stages.stream().distinct().sorted(PROCESS_ORDER).toList();
    }
}
