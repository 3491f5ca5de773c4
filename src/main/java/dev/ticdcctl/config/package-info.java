/**
 * Where settings come from: the contexts file, TiCDC's {@code ~/.ticdc/credentials}, the environment and flags, and
 * their precedence (flag > environment > context > credentials > default), each value with its source.
 */
package dev.ticdcctl.config;
