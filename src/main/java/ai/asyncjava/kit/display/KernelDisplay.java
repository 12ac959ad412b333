package ai.asyncjava.kit.display;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Teaches the running Jupyter kernel to show {@link RichOutput} values as HTML.
 *
 * <p>IJava renders a cell's last expression through a renderer that accepts registrations
 * per type. The kit does not compile against IJava (notebooks must stay portable to other
 * kernels), so the registration is made reflectively, once, when the kit finds itself
 * inside IJava. In any other kernel this does nothing and values show as their
 * {@code toString()}, which for a {@code RichOutput} is its plain text.
 */
public final class KernelDisplay {

    private static final String IJAVA = "io.github.spencerpark.ijava.IJava";
    private static final String RENDER_FUNCTION = "io.github.spencerpark.jupyter.kernel.display.RenderFunction";

    private static boolean registered;

    private KernelDisplay() {}

    /** Registers the HTML renderer with IJava if the kit runs inside it; safe to call often. */
    public static synchronized void registerWithRunningKernel() {
        if (registered) {
            return;
        }
        registered = true;
        try {
            ClassLoader loader = KernelDisplay.class.getClassLoader();
            Class<?> ijava = Class.forName(IJAVA, true, loader);
            Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
            if (kernel == null) {
                return; // IJava's classes are present but no kernel runs (a test, say)
            }
            Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            Object registration = renderer.getClass().getMethod("createRegistration", Class.class)
                    .invoke(renderer, RichOutput.class);
            Class<?> registrationType = registration.getClass();
            registration = registrationType.getMethod("preferring", String[].class)
                    .invoke(registration, (Object) new String[] {"text/html"});
            registration = registrationType.getMethod("supporting", String[].class)
                    .invoke(registration, (Object) new String[] {"text/html", "text/plain"});
            Class<?> renderFunction = Class.forName(RENDER_FUNCTION, true, ijava.getClassLoader());
            registrationType.getMethod("register", renderFunction).invoke(registration, htmlRenderer(renderFunction));
        } catch (ClassNotFoundException notIJava) {
            // Another kernel, the headless runner or a terminal: toString() does the job.
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A kernel version with another API: text output still works, so only note it.
            System.err.println("(course kit: showing reports as plain text; " + e + ")");
        }
    }

    /** An IJava RenderFunction that puts a RichOutput's HTML and text into the output. */
    private static Object htmlRenderer(Class<?> renderFunction) {
        return Proxy.newProxyInstance(renderFunction.getClassLoader(), new Class<?>[] {renderFunction},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "course kit HTML renderer";
                        };
                    }
                    RichOutput value = (RichOutput) args[0];
                    Object context = args[1];
                    Object output = context.getClass().getMethod("getOutputContainer").invoke(context);
                    Method putHtml = output.getClass().getMethod("putHTML", String.class);
                    Method putText = output.getClass().getMethod("putText", String.class);
                    putHtml.invoke(output, value.html());
                    putText.invoke(output, value.plainText());
                    return null;
                });
    }
}
