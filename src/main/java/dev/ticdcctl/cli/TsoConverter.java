package dev.ticdcctl.cli;

import dev.ticdcctl.model.Tso;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a TSO option value. */
public final class TsoConverter implements ITypeConverter<Tso> {
    @Override
    public Tso convert(String value) {
        try {
            Tso tso = Tso.parse(value);
            if (tso.value() == 0) {
                throw new TypeConversionException("a TSO must be positive");
            }
            return tso;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
