package dev.ticdcctl.sandbox;

/**
 * An error the simulated server answers with TiCDC's envelope: {@code {"error_msg": "[code]message", "error_code":
 * code}}, pretty-printed, with the HTTP status TiCDC would choose.
 */
public final class ApiError extends RuntimeException {
    /** What the body holds: TiCDC's envelope, the raw error object, or nothing at all. */
    enum Body { ENVELOPE, RAW, NONE }

    private final int status;
    private final String code;
    private final Body body;

    public ApiError(int status, String code, String message) {
        this(status, code, message, Body.ENVELOPE);
    }

    private ApiError(int status, String code, String message, Body body) {
        super(message);
        this.status = status;
        this.code = code;
        this.body = body;
    }

    /**
     * The new server's keyspace refusals: 400 with the error prototype itself as the body instead of the envelope
     * (ticdc api/middleware/middleware.go KeyspaceCheckerMiddleware and api/v2/changefeed.go CreateChangefeed write
     * {@code errors.ErrAPIInvalidParam} with IndentedJSON; pingcap/errors marshals it to class/code/message/rfccode).
     */
    static ApiError rawInvalidParam() {
        return new ApiError(400, "CDC:ErrAPIInvalidParam", "invalid api parameter", Body.RAW);
    }

    /**
     * A handler that panics (dereferencing a nil pointer, say): gin's recovery middleware, which both servers install
     * (tiflow cdc/server/server.go, ticdc server/module_http.go: gin.RecoveryWithWriter), answers 500 with no body.
     */
    static ApiError panic(String why) {
        return new ApiError(500, "", why, Body.NONE);
    }

    Body body() {
        return body;
    }

    /** 400 with {@code CDC:ErrAPIInvalidParam}. */
    public static ApiError invalidParam(String message) {
        return new ApiError(400, "CDC:ErrAPIInvalidParam", message);
    }

    /** 400 with {@code CDC:ErrSinkURIInvalid}: {@code sink uri invalid '<reason>'}. */
    static ApiError sinkUriInvalid(String reason) {
        return new ApiError(400, "CDC:ErrSinkURIInvalid", "sink uri invalid '" + reason + "'");
    }

    /** 500 with {@code CDC:ErrInvalidReplicaConfig}: {@code invalid replica config, <detail>}. */
    static ApiError invalidReplicaConfig(String detail) {
        return new ApiError(500, "CDC:ErrInvalidReplicaConfig", "invalid replica config, " + detail);
    }

    /** A plain Go error, which carries no code: TiCDC answers 500 with {@code error_code} "". */
    static ApiError plain(String message) {
        return new ApiError(500, "", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The {@code error_msg} as TiCDC composes it: {@code [code]message}, or the message alone without a code. */
    public String errorMessage() {
        return code.isEmpty() ? getMessage() : "[" + code + "]" + getMessage();
    }
}
