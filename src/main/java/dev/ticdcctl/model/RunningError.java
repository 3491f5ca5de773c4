package dev.ticdcctl.model;

/** A changefeed's error or warning. {@code time} is absent in the detail view. */
public record RunningError(String time, String addr, String code, String message) {}
