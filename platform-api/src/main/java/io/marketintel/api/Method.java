package io.marketintel.api;

/** HTTP method of an operation's REST route. */
public enum Method {
    GET, POST, PUT, DELETE
}
