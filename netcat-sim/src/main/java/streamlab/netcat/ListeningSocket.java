package streamlab.netcat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;

/** The server's listening socket, and one clear sentence when the port is taken or the address is not ours. */
final class ListeningSocket {

    private ListeningSocket() {}

    /** Listens on {@code host:port} (port 0: any free one). */
    static ServerSocket bind(String host, int port) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        ServerSocket socket = new ServerSocket();
        try {
            // Lets a restarted server take the port back at once. Not on Windows, where the same option would let
            // a second server take a port that is still in use.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                socket.setReuseAddress(true);
            }
            socket.bind(new InetSocketAddress(address, port), 50);
            return socket;
        } catch (BindException e) {
            socket.close();
            String why = String.valueOf(e.getMessage());
            BindException clear = new BindException(
                    why.toLowerCase(Locale.ROOT).contains("in use")
                            ? portInUseMessage(host, port)
                            : "cannot listen on " + host + ":" + port + ": " + why + " (is " + host
                                    + " an address of this machine?)");
            clear.initCause(e);
            throw clear;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The message for a port that is already taken. */
    static String portInUseMessage(String host, int port) {
        return "port " + port + " is already in use on " + host
                + ": stop the other server or pick another port with -p";
    }
}
