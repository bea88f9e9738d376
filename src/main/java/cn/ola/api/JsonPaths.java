package cn.ola.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;

/** Where in a JSON body a value sits, written as the API's field names: {@code cloudContracts[0].endDate}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<Reference> path) {
        StringBuilder text = new StringBuilder();
        for (Reference step : path) {
            if (step.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.isEmpty() ? "body" : text.toString();
    }
}
