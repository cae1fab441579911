package dev.imagegen.worker.codec;

import dev.imagegen.core.GenerationRequest;
import java.util.Map;
import java.util.Objects;

/** What a command record turned out to be. */
public sealed interface Decoded
        permits Decoded.Command, Decoded.Cancel, Decoded.Callback, Decoded.Invalid, Decoded.Unreadable {

    /** A command that keeps the contract: hand it to the engine. */
    record Command(GenerationRequest request) implements Decoded {
        public Command {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * An {@code imagegen.cancel.v1} command.
     *
     * @param commandId the command to cancel, a well-formed id
     * @param reason    why, at most 256 characters, or null
     */
    record Cancel(String commandId, String reason) implements Decoded {
        public Cancel {
            Objects.requireNonNull(commandId, "commandId");
        }
    }

    /** A vendor callback another worker handed on: act on it if its task is driven here. */
    record Callback(CallbackRecord callback) implements Decoded {
        public Callback {
            Objects.requireNonNull(callback, "callback");
        }
    }

    /**
     * A command with a readable commandId that breaks the contract: answer FAILED with {@code INVALID_REQUEST}.
     *
     * @param commandId the commandId as written (it may itself be what breaks the contract)
     * @param provider  the provider field when it is a well-formed id, else null
     * @param model     the model field when it is a well-formed id, else null
     * @param metadata  the metadata when it is well-formed, else empty
     * @param message   every broken rule, naming field, value and what is allowed
     */
    record Invalid(String commandId, String provider, String model, Map<String, String> metadata, String message)
            implements Decoded {
        public Invalid {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(message, "message");
            metadata = Map.copyOf(metadata);
        }
    }

    /** Not a command at all (not JSON, no readable commandId): the record goes to the DLQ. */
    record Unreadable(String reason) implements Decoded {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
