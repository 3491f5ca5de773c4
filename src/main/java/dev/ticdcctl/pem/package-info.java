/**
 * PEM certificates and keys as TiCDC deployments have them, and the TLS contexts built from them: for the client
 * ({@code --ca}, {@code --cert}, {@code --key}) and for the sandbox's HTTPS captures. BouncyCastle only parses the
 * files; keys, certificates and TLS are the default JCA provider's. Depends on nothing else in ticdcctl.
 */
package dev.ticdcctl.pem;
