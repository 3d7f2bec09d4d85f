/** A setting (flag or environment variable) that cannot be used; the shells print it and exit. */
export class ConfigError extends Error {}
