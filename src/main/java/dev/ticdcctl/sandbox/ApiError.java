package dev.ticdcctl.sandbox;

/**
 * An error the simulated server answers with TiCDC's envelope: {@code {"error_msg": "[code]message", "error_code":
 * code}}, pretty-printed, with the HTTP status TiCDC would choose.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final boolean raw;

    public ApiError(int status, String code, String message) {
        this(status, code, message, false);
    }

    private ApiError(int status, String code, String message, boolean raw) {
        super(message);
        this.status = status;
        this.code = code;
        this.raw = raw;
    }

    /**
     * The new server's keyspace refusals: 400 with the error prototype itself as the body instead of the envelope
     * (ticdc api/middleware/middleware.go KeyspaceCheckerMiddleware and api/v2/changefeed.go CreateChangefeed write
     * {@code errors.ErrAPIInvalidParam} with IndentedJSON; pingcap/errors marshals it to class/code/message/rfccode).
     */
    static ApiError rawInvalidParam() {
        return new ApiError(400, "CDC:ErrAPIInvalidParam", "invalid api parameter", true);
    }

    /** Whether the body is the raw error object rather than TiCDC's envelope. */
    boolean raw() {
        return raw;
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
