package ai.asyncjava.kit.notebook;

import ai.asyncjava.kit.display.RichOutput;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * How the runner shows a value, following IJava: an image as PNG, a {@link RichOutput} as
 * HTML (plus JSON for graders), anything else as its text.
 */
final class MimeBundles {

    private MimeBundles() {}

    static ObjectNode of(Object value) {
        ObjectNode bundle = NotebookJson.MAPPER.createObjectNode();
        if (value instanceof RenderedImage image) {
            bundle.put("image/png", png(image));
        } else if (value instanceof RichOutput rich) {
            bundle.set("text/html", NotebookJson.lines(rich.html()));
            if (rich.jsonData() != null) {
                bundle.set("application/json", NotebookJson.MAPPER.valueToTree(rich.jsonData()));
            }
            bundle.set("text/plain", NotebookJson.lines(rich.plainText()));
            return bundle;
        }
        bundle.set("text/plain", NotebookJson.lines(String.valueOf(value)));
        return bundle;
    }

    private static String png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
