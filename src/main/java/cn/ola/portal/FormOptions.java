package cn.ola.portal;

import java.util.ArrayList;
import java.util.List;

/** The choices the form offers for a coded question: those its {@code Fact} offers, in the order a user reads them. */
final class FormOptions {

    private FormOptions() {
    }

    /** The choices, plus a saved value that is not among them (so that it is shown, not silently dropped). */
    static List<String> with(List<String> choices, String saved) {
        if (saved == null || saved.isBlank() || choices.contains(saved)) {
            return choices;
        }
        List<String> all = new ArrayList<>(choices);
        all.add(saved);
        return all;
    }
}
