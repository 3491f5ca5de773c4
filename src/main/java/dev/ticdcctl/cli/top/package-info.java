/**
 * {@code ticdcctl top}: a live full-screen dashboard. Plain classes without picocli: the model (rows, sort, filter,
 * selection, lag trends), a renderer from the model to the lines of a screen of a given size, the key handling, the
 * refresher that reads the cluster off the UI thread, and the loop that ties them to a JLine terminal.
 */
package dev.ticdcctl.cli.top;
