package dev.eventlanes.ui.bench;

/**
 * The start-up probe for a launch through the jar ({@code java -javaagent:AGENT.jar -jar
 * event-lanes.jar}), where {@link StartupProbe} cannot be the main class: the launcher passes the
 * agent on to the JVM that opens the window, and there, once the toolkit's thread exists, it
 * watches as {@link StartupProbe} does and prints {@code FIRST_FRAME} after the second pulse with
 * the window showing. In a JVM that never starts the toolkit (the launcher's parent) it only
 * looks at thread names and touches no JavaFX class.
 */
public final class FirstFrameAgent extends Thread {
    private FirstFrameAgent() {
        super("first-frame-agent");
        setDaemon(true);
    }

    public static void premain(String args) {
        new FirstFrameAgent().start();
    }

    @Override
    public void run() {
        try {
            while (!toolkitThreadExists()) {
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            return;
        }
        StartupProbe.watchForWindow();
    }

    private static boolean toolkitThreadExists() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) {
            g = g.getParent();
        }
        Thread[] all = new Thread[g.activeCount() + 8];
        int n = g.enumerate(all, true);
        for (int i = 0; i < n; i++) {
            if (all[i].getName().equals("JavaFX Application Thread")) {
                return true;
            }
        }
        return false;
    }
}
