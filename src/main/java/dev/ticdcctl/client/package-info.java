/**
 * The HTTP client of the TiCDC OpenAPI v2: one method per route, typed exceptions built from the server's
 * {@code error_code}. Knows nothing about the command line.
 */
package dev.ticdcctl.client;
