package cn.ola.api;

import java.util.List;

import cn.ola.api.Problems.FieldError;

/** Input the API refuses before it reaches the use cases: unknown fields, an unknown document kind, a bad header. */
class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidInputException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    InvalidInputException(FieldError error) {
        this("The field " + error.field() + " is not valid.", List.of(error));
    }

    List<FieldError> errors() {
        return errors;
    }
}
