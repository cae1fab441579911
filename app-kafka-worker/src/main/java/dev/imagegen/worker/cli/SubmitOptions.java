package dev.imagegen.worker.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The flags of {@code submit} (CONTRACT §5.1): {@code --model M --prompt P [--provider X] [--ref FILE_OR_URL]...
 * [--aspect-ratio R] [--resolution S] [--out DIR]}, plus {@code --command-id ID} (default a random one).
 */
record SubmitOptions(String model, String prompt, String provider, List<String> references, String aspectRatio,
                     String resolution, Path out, String commandId) {

    static final String USAGE = "usage: submit --model M --prompt P [--provider X] [--ref FILE_OR_URL]... "
            + "[--aspect-ratio R] [--resolution S] [--out DIR] [--command-id ID]";

    /** A flag that is missing, unknown or without its value. */
    static final class BadFlags extends Exception {
        private static final long serialVersionUID = 1L;

        BadFlags(String message) {
            super(message, null, false, false);
        }
    }

    /** @param args the arguments after {@code submit} */
    static SubmitOptions parse(List<String> args) throws BadFlags {
        String model = null;
        String prompt = null;
        String provider = null;
        String aspectRatio = null;
        String resolution = null;
        String commandId = null;
        Path out = Path.of(".");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                throw new BadFlags(flag.startsWith("--") ? flag + " needs a value" : "unexpected '" + flag + "'");
            }
            String value = args.get(++i);
            switch (flag) {
                case "--model" -> model = value;
                case "--prompt" -> prompt = value;
                case "--provider" -> provider = value;
                case "--ref" -> references.add(value);
                case "--aspect-ratio" -> aspectRatio = value;
                case "--resolution" -> resolution = value;
                case "--out" -> out = Path.of(value);
                case "--command-id" -> commandId = value;
                default -> throw new BadFlags("unknown flag '" + flag + "'");
            }
        }
        if (model == null || prompt == null) {
            throw new BadFlags(model == null ? "--model is required" : "--prompt is required");
        }
        return new SubmitOptions(model, prompt, provider, List.copyOf(references), aspectRatio, resolution, out,
                commandId == null ? "cli-" + UUID.randomUUID() : commandId);
    }
}
