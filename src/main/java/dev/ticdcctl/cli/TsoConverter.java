package dev.ticdcctl.cli;

import dev.ticdcctl.model.Tso;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a TSO option value: a positive TSO, or an ISO-8601 time with a zone (e.g. {@code 2024-07-01T10:05:00Z})
 * taken as the TSO of its millisecond. Bad values become usage errors, with a hint where one helps.
 */
public final class TsoConverter implements ITypeConverter<Tso> {
    @Override
    public Tso convert(String value) {
        Tso tso;
        try {
            tso = Tso.parseTsoOrTime(value);
        } catch (IllegalArgumentException e) {
            throw new HintedConversionException(e.getMessage(),
                    e instanceof Tso.InvalidInput invalid ? invalid.hint() : null);
        }
        if (tso.value() == 0) {
            throw new TypeConversionException("a TSO must be positive");
        }
        return tso;
    }

    /** A conversion failure that {@link UsageErrorHandler} follows with a {@code Hint:} line. */
    public static final class HintedConversionException extends TypeConversionException {
        private final String hint;

        public HintedConversionException(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        /** The hint, or null. */
        public String hint() {
            return hint;
        }
    }
}
