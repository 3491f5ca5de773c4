package dev.ticdcctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.output.Output;
import java.io.PrintWriter;

/** Where a command prints, in the format the global options chose; built on first use. */
public interface Printing {
    Output output();

    /** The JSON mapper of the output, and of the documents a command reads; built once. */
    ObjectMapper mapper();

    /** Standard error as it is, for what -q must not hide. */
    PrintWriter err();

    /** Masks {@code value} in everything printed from now on, in any field or message: a secret known by value. */
    void maskEverywhere(String value);
}
