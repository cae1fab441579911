package dev.imagegen.testkit.bailian;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which endpoint a request is for in each style, and what the native API refuses about the path and headers. */
final class SimRoutes {

    enum Kind { SUBMIT, POLL, CANCEL, NOT_FOUND }

    private static final Pattern TASK = Pattern.compile("/api/v1/tasks/([^/]+)");
    private static final Pattern CANCEL = Pattern.compile("/api/v1/tasks/([^/]+)/cancel");
    private static final String GATEWAY_SUBMIT = "/api/v1/images/generations";
    private static final String NATIVE_SERVICES = "/api/v1/services/";

    private SimRoutes() {
    }

    static Route of(BailianSimulator.Style style, String method, String path) {
        Matcher task = TASK.matcher(path);
        if (method.equals("GET") && task.matches()) {
            return new Route(Kind.POLL, task.group(1), Optional.empty());
        }
        Matcher cancel = CANCEL.matcher(path);
        if (method.equals("POST") && cancel.matches() && style == BailianSimulator.Style.DASHSCOPE) {
            return new Route(Kind.CANCEL, cancel.group(1), Optional.empty());
        }
        boolean submit = style == BailianSimulator.Style.GATEWAY ? path.equals(GATEWAY_SUBMIT)
                : path.startsWith(NATIVE_SERVICES);
        if (method.equals("POST") && submit) {
            return new Route(Kind.SUBMIT, null, Optional.empty());
        }
        return new Route(Kind.NOT_FOUND, null, path.startsWith(NATIVE_SERVICES)
                ? Optional.of(Refusal.invalid("url error, please check url!")) : Optional.empty());
    }

    /** What the API refuses about the model, path and async header of a submit, or null. */
    static Refusal check(BailianSimulator.Style style, SimFamily family, Object model, String path,
                         String asyncHeader) {
        boolean gateway = style == BailianSimulator.Style.GATEWAY;
        if (family == null) {
            return gateway ? new Refusal(404, "ModelNotFound", "Model not found: " + model)
                    : Refusal.invalid("Model not exist.");
        }
        if (gateway) {
            return null;
        }
        if (family.ark()) {
            return Refusal.invalid("Model not exist.");
        }
        if (!path.equals(family.nativePath)) {
            return Refusal.invalid("url error, please check url!");
        }
        boolean async = "enable".equals(asyncHeader);
        if (family.async && !async) {
            return new Refusal(403, "AccessDenied", "current user api does not support synchronous calls");
        }
        if (!family.async && asyncHeader != null) {
            return new Refusal(403, "AccessDenied", "current user api does not support asynchronous calls");
        }
        return null;
    }

    /** A matched route: the task id for status and cancel calls, a refusal for a known-bad path. */
    record Route(Kind kind, String taskId, Optional<Refusal> refusal) {
    }
}
