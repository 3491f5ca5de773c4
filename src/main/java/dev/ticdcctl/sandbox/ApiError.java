package dev.ticdcctl.sandbox;

/**
 * An error the simulated server answers with TiCDC's envelope: {@code {"error_msg": "[code]message", "error_code":
 * code}}, pretty-printed, with the HTTP status TiCDC would choose.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
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
