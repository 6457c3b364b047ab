package org.herald.schedule;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Herald started as its own process from the test class path, the way `herald` runs, its output kept in a log file. */
final class HeraldProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private HeraldProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static HeraldProcess start(Path log, Path config, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "org.herald.Herald", "--config", config.toString()));
        command.addAll(List.of(args));
        File file = log.toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(file)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        return new HeraldProcess(process, log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end and gives its exit code. */
    int exitCode(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) throw new AssertionError("still running after " + seconds + " s:\n" + output());
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no clean-up, as when a machine is lost. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("still alive after SIGKILL");
    }

    /** SIGTERM, as a service manager stops it. */
    void stop() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
