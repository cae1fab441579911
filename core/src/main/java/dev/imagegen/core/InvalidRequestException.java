package dev.imagegen.core;

import dev.imagegen.spi.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link GenerationRequest} could not be built because it breaks the request contract. Carries every violation,
 * not just the first. Immutable once thrown.
 */
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public ErrorCode code() {
        return ErrorCode.INVALID_REQUEST;
    }
}
