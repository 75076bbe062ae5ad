package dev.eventlanes.python.interp;

/** The shape of a call with keyword arguments: how many positional, and the keyword names. */
record KwCall(int positional, String[] names) {
}
