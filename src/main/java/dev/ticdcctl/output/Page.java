package dev.ticdcctl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A resource's own page, laid out as {@code kubectl describe} and {@code gh pr view} lay theirs: {@code Key:  value}
 * lines in titled sections, values aligned within a section. It fits the terminal: a value too long for its line
 * continues on the next ones, aligned under itself and broken at spaces where it can be; nothing is cut. Every value
 * is server text to the page: masked (unless the user asked for secrets), escaped, and cut only beyond
 * {@link TerminalText#line}'s limit.
 */
public final class Page {
    /** The fewest columns a value is given, however deep its key: below that, the terminal's own wrap reads better. */
    private static final int MIN_VALUE_WIDTH = 20;

    private record Entry(String key, String value, Style style) {}

    private record Section(String title, List<Entry> entries) {}

    private final List<Section> sections = new ArrayList<>();

    public Page() {
        sections.add(new Section(null, new ArrayList<>()));
    }

    /** Starts a titled section; the fields that follow belong to it. */
    public Page section(String title) {
        sections.add(new Section(title, new ArrayList<>()));
        return this;
    }

    /** A {@code Key:  value} line; an empty or null value shows as {@code -}, an empty key continues the last. */
    public Page field(String key, String value) {
        return field(key, value, Style.PLAIN);
    }

    /** A {@code Key:  value} line whose value is shown in {@code style} when colour is on. */
    public Page field(String key, String value, Style style) {
        current().add(new Entry(key, value == null || value.isEmpty() ? "-" : value, style));
        return this;
    }

    /** A line of its own in the current section, without a key, such as why something could not be shown. */
    public Page note(String text) {
        current().add(new Entry(null, text, Style.PLAIN));
        return this;
    }

    private List<Entry> current() {
        return sections.get(sections.size() - 1).entries();
    }

    /**
     * The page as text: fitted to {@code width} columns (0: unknown, nothing is wrapped), styled when {@code color},
     * every value masked when {@code mask}.
     */
    public String render(int width, boolean color, boolean mask) {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            if (section.entries().isEmpty() && section.title() == null) {
                continue;
            }
            String indent = "";
            if (section.title() != null) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(styled(Style.BOLD, section.title() + ":", color)).append('\n');
                indent = "  ";
            }
            int keyWidth = 0;
            for (Entry entry : section.entries()) {
                keyWidth = entry.key() == null ? keyWidth : Math.max(keyWidth, entry.key().length() + 1);
            }
            for (Entry entry : section.entries()) {
                String value = TerminalText.line(mask ? Secrets.maskText(entry.value()) : entry.value());
                // An empty key continues the field above it, as the second of several rules.
                String head = entry.key() == null ? indent : indent + pad(entry.key().isEmpty() ? ""
                        : TerminalText.escaped(entry.key()) + ":", keyWidth + 2);
                int room = width <= 0 ? Integer.MAX_VALUE : Math.max(width - head.length(), MIN_VALUE_WIDTH);
                List<String> lines = wrap(value, room);
                for (int i = 0; i < lines.size(); i++) {
                    out.append(i == 0 ? head : " ".repeat(head.length()))
                            .append(styled(entry.style(), lines.get(i), color)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The text in lines of at most {@code room} characters, broken after a space where one is near the end. */
    static List<String> wrap(String text, int room) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > room) {
            int cut = rest.lastIndexOf(' ', room);
            if (cut < room / 2) {
                cut = Character.isHighSurrogate(rest.charAt(room - 1)) ? room - 1 : room; // a long word, broken
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            } else {
                lines.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut + 1);
            }
        }
        lines.add(rest);
        return lines;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String styled(Style style, String text, boolean color) {
        return color ? style.apply(text) : text;
    }
}
