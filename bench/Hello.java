/** The yardstick for start-up: what a bare JVM costs on this machine, in the same run. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
