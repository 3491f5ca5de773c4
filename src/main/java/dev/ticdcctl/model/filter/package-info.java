/**
 * TiCDC's filter vocabulary, checked as the server checks it: TiDB's table-filter rules (with the Go regular
 * expressions they may hold) and the event types an event filter may ignore. Shared by the client, which checks a
 * config before sending it, and the sandbox, which refuses what TiCDC refuses.
 */
package dev.ticdcctl.model.filter;
