package io.marketintel.runtime;

/** Entry point (work in progress). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("market-intel");
    }
}
