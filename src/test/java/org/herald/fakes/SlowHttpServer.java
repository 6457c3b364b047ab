package org.herald.fakes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately bad web server on 127.0.0.1, written on a plain {@link ServerSocket} so nothing in between
 * smooths its behaviour: it answers with headers at once, then either trickles the body one byte a second or
 * stalls half-way; it can first answer a number of requests in full on the same kept-alive connection.
 */
public final class SlowHttpServer implements AutoCloseable {
    /** How the slow response is sent. */
    public enum Mode { TRICKLE, STALL }

    private final ServerSocket server;
    private final Mode mode;
    private final int fullAnswers;
    private final byte[] body;
    private final String contentType;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SlowHttpServer(Mode mode, int fullAnswers, String contentType, String body) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.mode = mode;
        this.fullAnswers = fullAnswers;
        this.contentType = contentType;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.acceptor = new Thread(this::accept, "slow-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Headers at once, then one byte a second, for ever (or until the client gives up). */
    public static SlowHttpServer trickling(String contentType, String body) throws IOException {
        return new SlowHttpServer(Mode.TRICKLE, 0, contentType, body);
    }

    /** {@code fullAnswers} complete responses on a kept-alive connection, then headers and half a body, then silence. */
    public static SlowHttpServer stallingAfter(int fullAnswers, String contentType, String body) throws IOException {
        return new SlowHttpServer(Mode.STALL, fullAnswers, contentType, body);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public int requests() {
        return requests.get();
    }

    /** Connections the client closed (or reset) while the server was still holding them open. */
    public int closedByClient() {
        return closedByClient.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "slow-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readRequestHead(in)) {
                int n = requests.incrementAndGet();
                String head = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                        + "\r\nConnection: keep-alive\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (n <= fullAnswers) {
                    out.write(body);
                    out.flush();
                    continue;
                }
                out.flush();
                if (mode == Mode.STALL) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    // silence until the client hangs up: a read returns -1 (or fails) when it does
                    socket.setSoTimeout(0);
                    if (in.read() < 0) closedByClient.incrementAndGet();
                    return;
                }
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(1000);
                }
            }
        } catch (IOException e) {
            closedByClient.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads up to the blank line that ends a request's headers; false when the client closed instead. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int c = in.read();
            if (c < 0) return false;
            head.write(c);
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) socket.close();
    }
}
