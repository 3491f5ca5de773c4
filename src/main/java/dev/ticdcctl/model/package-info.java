/**
 * Records for the request and response bodies of the TiCDC OpenAPI v2. Field names follow the wire format through the
 * snake_case naming strategy of {@code dev.ticdcctl.client.Json}; unknown fields are ignored so that newer servers stay
 * readable. Timestamps that the server sends as TSOs are {@code long} (TSOs are below 2^63 but above 2^53).
 */
package dev.ticdcctl.model;
