package dev.ticdcctl.output;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Values known to be secret wherever they appear, such as what a spec's {@code ${env:...}} references resolved to:
 * the writers of stdout and stderr replace them with {@link Secrets#MASK} in everything printed (tables, documents,
 * dry-run bodies, diffs, errors), whatever field or text holds them. Values too short to mask without garbling the
 * rest of the output are left alone.
 */
public final class MaskedValues {
    /** Shorter values (a port, "on") would mask unrelated text everywhere. */
    static final int MIN_LENGTH = 4;

    /** Longest first, so that a value holding another is masked whole. */
    private final List<String> values = new CopyOnWriteArrayList<>();

    /** Masks {@code value} from now on, as written and as a JSON string would escape it. */
    public void add(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(value));
        synchronized (values) {
            for (String v : escaped.equals(value) ? List.of(value) : List.of(value, escaped)) {
                if (!values.contains(v)) {
                    values.add(v);
                    values.sort(Comparator.comparingInt(String::length).reversed());
                }
            }
        }
    }

    /** The text with every known value masked. */
    public String mask(String text) {
        for (String value : values) {
            text = text.replace(value, Secrets.MASK);
        }
        return text;
    }

    /**
     * A writer that masks the known values: while there are none, it writes through; then it holds what is written
     * until a flush, so that a value written in pieces is masked whole.
     */
    public Writer masking(Writer target) {
        return new Writer(target) {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                synchronized (lock) {
                    if (values.isEmpty() && pending.isEmpty()) {
                        target.write(chars, offset, length);
                    } else {
                        pending.append(chars, offset, length);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (lock) {
                    if (!pending.isEmpty()) {
                        target.write(mask(pending.toString()));
                        pending.setLength(0);
                    }
                    target.flush();
                }
            }

            @Override
            public void close() throws IOException {
                flush();
                target.close();
            }
        };
    }
}
