package dev.eventlanes;

public final class Launcher {
    public static void main(String[] args) {
    }
}
