package dev.ticdcctl.cli;

import dev.ticdcctl.config.ClusterIndex;

/** Reaches clusters besides the invocation's: those an index of clusters ({@code ticdcctl.toml}) names. */
public interface Clusters {
    /** A cluster chosen by an index entry, and the options that reach it (its namespace as if given with -n). */
    record Chosen(ClusterAccess access, GlobalOptions options) {}

    /** The cluster {@code entry} describes, connected on first use and closed with the invocation. */
    Chosen cluster(ClusterIndex.Entry entry);
}
