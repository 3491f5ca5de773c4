/**
 * A simulated TiCDC cluster serving the OpenAPI v2 as TiCDC v8.5 does: JDK {@code com.sun.net.httpserver} and
 * Jackson only, plus the neutral {@code dev.ticdcctl.model} (the replica-config schema), {@code pem} (HTTPS) and
 * {@code util} (Go durations, private files). State is derived lazily from recorded events and an injectable clock,
 * so the simulation is deterministic and needs no background threads. Shares nothing with the client but the JSON
 * shapes. {@code Router} lists the routes and the classes that answer them.
 */
package dev.ticdcctl.sandbox;
