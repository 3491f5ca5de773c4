package dev.ticdcctl.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A response kept twice: the JSON as received (for pass-through output) and its typed view (for tables). */
public record ApiResult<T>(JsonNode json, T value) {}
