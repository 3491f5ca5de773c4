/**
 * A simulated TiCDC cluster serving the OpenAPI v2 as TiCDC v8.5 does: JDK {@code com.sun.net.httpserver} and
 * Jackson only, plus the neutral {@code dev.ticdcctl.pem} for HTTPS. State is derived lazily from recorded events and
 * an injectable clock, so the simulation is deterministic and needs no background threads. Shares nothing with the
 * client but the JSON shapes.
 */
package dev.ticdcctl.sandbox;
