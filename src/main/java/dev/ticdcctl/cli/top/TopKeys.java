package dev.ticdcctl.cli.top;

import java.util.regex.PatternSyntaxException;

/**
 * What each key does, by what is on screen: a question being answered, a filter being typed, the help, the detail
 * view or the list. Work that takes time (an action, loading a page) is handed to {@link Effects}, off the UI thread.
 */
final class TopKeys {
    /** The work keys start. */
    interface Effects {
        void perform(Action action, String id);

        void loadDetail(String id);
    }

    private final TopModel model;
    private final Effects effects;

    TopKeys(TopModel model, Effects effects) {
        this.model = model;
        this.effects = effects;
    }

    void press(Key key) {
        model.status("", false); // the last key's message has been seen; this key may leave its own
        if (key.kind() == Key.Kind.INTERRUPT) {
            model.quit();
        } else if (model.question() != null) {
            answer(key);
        } else if (model.filterInput() != null) {
            editFilter(key);
        } else if (model.view() == TopModel.View.HELP) {
            if (key.is('q')) {
                model.quit();
            } else {
                model.open(model.detailId() != null ? TopModel.View.DETAIL : TopModel.View.LIST);
            }
        } else if (model.view() == TopModel.View.DETAIL) {
            inDetail(key);
        } else {
            inList(key);
        }
    }

    private void inList(Key key) {
        TopModel.Row selected = model.selected();
        switch (key.kind()) {
            case UP -> model.move(-1);
            case DOWN -> model.move(1);
            case PAGE_UP -> model.move(-model.pageSize());
            case PAGE_DOWN -> model.move(model.pageSize());
            case HOME -> model.select(0);
            case END -> model.select(Integer.MAX_VALUE);
            case ESCAPE -> clearFilter();
            case ENTER -> {
                if (selected != null) {
                    model.openDetail(selected.changefeed().id());
                    effects.loadDetail(selected.changefeed().id());
                }
            }
            case CHAR -> common(key, selected == null ? null : selected.changefeed().id());
            default -> { }
        }
    }

    private void inDetail(Key key) {
        switch (key.kind()) {
            case ESCAPE, BACKSPACE, ENTER -> model.closeDetail();
            case UP -> model.scrollDetail(-1);
            case DOWN -> model.scrollDetail(1);
            case PAGE_UP -> model.scrollDetail(-model.pageSize());
            case PAGE_DOWN -> model.scrollDetail(model.pageSize());
            case CHAR -> common(key, model.detailId());
            default -> { }
        }
    }

    /** The letters of both views; {@code id} is the changefeed they act on. */
    private void common(Key key, String id) {
        switch (key.ch()) {
            case 'q' -> model.quit();
            case '?' -> model.open(TopModel.View.HELP);
            case '/' -> model.editFilter(model.filterText() == null ? "" : model.filterText());
            case 's' -> {
                model.cycleSort();
                model.status("sorted by " + model.sort().label, false);
            }
            case 'p' -> ask(Action.PAUSE, id);
            case 'r' -> ask(Action.RESUME, id);
            case 'd' -> ask(Action.DELETE, id);
            default -> { }
        }
    }

    private void ask(Action action, String id) {
        if (model.readOnly != null) {
            model.status("read-only (" + model.readOnly + "): cannot " + action.verb + " changefeeds here", true);
        } else if (id == null) {
            model.status("no changefeed selected to " + action.verb, true);
        } else {
            model.ask(new TopModel.Question(action, id, ""));
        }
    }

    private void answer(Key key) {
        TopModel.Question question = model.question();
        if (!question.wantsId()) {
            model.ask(null);
            if (key.is('y') || key.is('Y')) {
                start(question);
            } else {
                declined(question);
            }
            return;
        }
        String typed = question.typed();
        switch (key.kind()) {
            case CHAR -> model.ask(new TopModel.Question(question.action(), question.id(), typed + key.ch()));
            case BACKSPACE -> model.ask(new TopModel.Question(question.action(), question.id(),
                    typed.isEmpty() ? "" : typed.substring(0, typed.length() - 1)));
            case ENTER -> {
                model.ask(null);
                if (typed.equals(question.id())) {
                    start(question);
                } else {
                    model.status("the ID typed does not match: changefeed \"" + question.id() + "\" was not "
                            + question.action().done, true);
                }
            }
            case ESCAPE -> {
                model.ask(null);
                declined(question);
            }
            default -> { }
        }
    }

    private void start(TopModel.Question question) {
        model.status(question.action().progress + " changefeed \"" + question.id() + "\"…", false);
        effects.perform(question.action(), question.id());
    }

    private void declined(TopModel.Question question) {
        model.status("changefeed \"" + question.id() + "\" was not " + question.action().done, false);
    }

    private void editFilter(Key key) {
        String text = model.filterInput();
        switch (key.kind()) {
            case CHAR -> model.editFilter(text + key.ch());
            case BACKSPACE -> model.editFilter(text.isEmpty() ? "" : text.substring(0, text.length() - 1));
            case ESCAPE -> model.editFilter(null);
            case ENTER -> {
                try {
                    model.filter(text);
                    model.editFilter(null);
                    model.status(text.isEmpty() ? "filter cleared" : "filtered by /" + text + "/", false);
                } catch (PatternSyntaxException e) {
                    model.status("invalid regex: " + e.getDescription() + " near index " + e.getIndex(), true);
                }
            }
            default -> { }
        }
    }

    private void clearFilter() {
        if (model.filterText() != null) {
            model.filter("");
            model.status("filter cleared", false);
        }
    }
}
