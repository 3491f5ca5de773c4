/** Everything printed: tables, JSON/YAML pass-through, jq filtering, colour and terminal awareness. */
package dev.ticdcctl.output;
