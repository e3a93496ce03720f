import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the app's icons from one SVG file: ftop.png (256 px, Linux), ftop.ico (16 to 256 px,
 * Windows) and ftop.icns (16 to 1024 px, macOS), each holding PNG images, as the three systems
 * accept. Reads the plain subset of SVG the mark uses: rect (with rx), circle and path (M L H V C Q
 * Z, absolute or relative) with fill, stroke, stroke-width, stroke-linecap and stroke-linejoin.
 * Runs as a source file, with nothing but the JDK:
 *
 * <pre>java -Djava.awt.headless=true IconSet.java icon/ftop.svg OUT_DIR</pre>
 *
 * <p>With {@code --window} first, it draws the running app's window icons instead: ftop-16.png to
 * ftop-256.png, which every build puts among the app's resources.
 */
public final class IconSet {

    public static void main(String[] args) throws Exception {
        boolean window = args.length == 3 && args[0].equals("--window");
        if (args.length != 2 && !window) {
            System.err.println("usage: java IconSet.java [--window] SVG_FILE OUT_DIR");
            System.exit(2);
        }
        Path svg = Path.of(args[window ? 1 : 0]);
        Path out = Files.createDirectories(Path.of(args[window ? 2 : 1]));
        Drawing drawing = Drawing.read(svg);
        if (window) {
            // the title bar's and task switcher's icons of the running app, in the sizes systems pick from
            for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
                Files.write(out.resolve("ftop-" + size + ".png"), drawing.png(size));
            }
            System.out.println("Window icons drawn from " + svg + " into " + out);
            return;
        }
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            png.put(size, drawing.png(size));
        }
        Files.write(out.resolve("ftop.png"), png.get(256));
        Files.write(out.resolve("ftop.ico"), ico(png, 16, 24, 32, 48, 64, 128, 256));
        Files.write(out.resolve("ftop.icns"), icns(png));
        System.out.println("Icons drawn from " + svg + " into " + out + ": ftop.png, ftop.ico, ftop.icns");
    }

    /** A Windows icon: a directory of PNG images (Windows Vista and later read PNG entries). */
    static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int offset = 6 + 16 * sizes.length;
        ByteBuffer head = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        for (int size : sizes) {
            byte[] data = png.get(size);
            head.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            head.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            head.putInt(data.length).putInt(offset + images.size());
            images.writeBytes(data);
        }
        ByteArrayOutputStream ico = new ByteArrayOutputStream();
        ico.writeBytes(head.array());
        ico.writeBytes(images.toByteArray());
        return ico.toByteArray();
    }

    /** A macOS icon family: one PNG per element type, 16 to 1024 px. */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream entries = new DataOutputStream(body);
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            byte[] data = png.get(type.getValue());
            entries.writeBytes(type.getKey());
            entries.writeInt(8 + data.length);
            entries.write(data);
        }
        ByteArrayOutputStream icns = new ByteArrayOutputStream();
        DataOutputStream file = new DataOutputStream(icns);
        file.writeBytes("icns");
        file.writeInt(8 + body.size());
        file.write(body.toByteArray());
        return icns.toByteArray();
    }

    /** The shapes of the SVG, in its own coordinates. */
    record Drawing(double width, double height, List<Painted> shapes) {

        static Drawing read(Path svg) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            double[] box = numbers(root.getAttribute("viewBox"));
            if (box.length != 4) {
                throw new IllegalArgumentException(svg + ": the svg element needs a viewBox");
            }
            List<Painted> shapes = new ArrayList<>();
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    shapes.add(Painted.of(element));
                }
            }
            return new Drawing(box[2], box[3], shapes);
        }

        byte[] png(int size) throws IOException {
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.transform(AffineTransform.getScaleInstance(size / width, size / height));
            for (Painted shape : shapes) {
                shape.paint(g);
            }
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }

    /** One SVG element: its outline, fill and stroke. */
    record Painted(Shape shape, Color fill, Color stroke, BasicStroke line) {

        static Painted of(Element e) {
            Shape shape = switch (e.getTagName()) {
                case "rect" -> {
                    double rx = number(e, "rx", number(e, "ry", 0));
                    yield new RoundRectangle2D.Double(number(e, "x", 0), number(e, "y", 0), number(e, "width", 0),
                            number(e, "height", 0), 2 * rx, 2 * rx);
                }
                case "circle" -> {
                    double r = number(e, "r", 0);
                    yield new Ellipse2D.Double(number(e, "cx", 0) - r, number(e, "cy", 0) - r, 2 * r, 2 * r);
                }
                case "path" -> path(e.getAttribute("d"));
                default -> throw new IllegalArgumentException("Unsupported SVG element <" + e.getTagName() + ">");
            };
            String fillText = e.hasAttribute("fill") ? e.getAttribute("fill") : "#000000";
            int cap = switch (e.getAttribute("stroke-linecap")) {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                default -> BasicStroke.CAP_BUTT;
            };
            int join = switch (e.getAttribute("stroke-linejoin")) {
                case "round" -> BasicStroke.JOIN_ROUND;
                case "bevel" -> BasicStroke.JOIN_BEVEL;
                default -> BasicStroke.JOIN_MITER;
            };
            return new Painted(shape, color(fillText), color(e.getAttribute("stroke")),
                    new BasicStroke((float) number(e, "stroke-width", 1), cap, join));
        }

        void paint(Graphics2D g) {
            if (fill != null) {
                g.setColor(fill);
                g.fill(shape);
            }
            if (stroke != null) {
                g.setColor(stroke);
                g.setStroke(line);
                g.draw(shape);
            }
        }

        private static Color color(String text) {
            if (text == null || text.isBlank() || text.equals("none")) {
                return null;
            }
            if (!text.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("Colours are #RRGGBB here, not " + text);
            }
            return new Color(Integer.parseInt(text.substring(1), 16));
        }

        private static double number(Element e, String name, double fallback) {
            String text = e.getAttribute(name);
            return text.isBlank() ? fallback : Double.parseDouble(text);
        }

        /** Path data with the commands M L H V C Q Z, upper case absolute, lower case relative. */
        private static Path2D path(String data) {
            Path2D.Double path = new Path2D.Double();
            Matcher tokens = Pattern.compile("[MLHVCQZmlhvcqz]|-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?").matcher(data);
            List<String> parts = new ArrayList<>();
            while (tokens.find()) {
                parts.add(tokens.group());
            }
            double x = 0;
            double y = 0;
            char command = 'M';
            int i = 0;
            while (i < parts.size()) {
                if (Character.isLetter(parts.get(i).charAt(0))) {
                    command = parts.get(i++).charAt(0);
                    if (command == 'Z' || command == 'z') {
                        path.closePath();
                        continue;
                    }
                }
                boolean relative = Character.isLowerCase(command);
                double dx = relative ? x : 0;
                double dy = relative ? y : 0;
                switch (Character.toUpperCase(command)) {
                    case 'M' -> {
                        x = dx + d(parts, i++);
                        y = dy + d(parts, i++);
                        path.moveTo(x, y);
                        // further pairs after a moveto are lines
                        command = relative ? 'l' : 'L';
                    }
                    case 'L' -> {
                        x = dx + d(parts, i++);
                        y = dy + d(parts, i++);
                        path.lineTo(x, y);
                    }
                    case 'H' -> {
                        x = dx + d(parts, i++);
                        path.lineTo(x, y);
                    }
                    case 'V' -> {
                        y = dy + d(parts, i++);
                        path.lineTo(x, y);
                    }
                    case 'C' -> {
                        double x1 = dx + d(parts, i++);
                        double y1 = dy + d(parts, i++);
                        double x2 = dx + d(parts, i++);
                        double y2 = dy + d(parts, i++);
                        x = dx + d(parts, i++);
                        y = dy + d(parts, i++);
                        path.curveTo(x1, y1, x2, y2, x, y);
                    }
                    case 'Q' -> {
                        double x1 = dx + d(parts, i++);
                        double y1 = dy + d(parts, i++);
                        x = dx + d(parts, i++);
                        y = dy + d(parts, i++);
                        path.quadTo(x1, y1, x, y);
                    }
                    default -> throw new IllegalArgumentException("Unsupported path command " + command);
                }
            }
            return path;
        }

        private static double d(List<String> parts, int i) {
            return Double.parseDouble(parts.get(i));
        }
    }

    private static double[] numbers(String text) {
        String[] parts = text.trim().split("[\\s,]+");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i].toLowerCase(Locale.ROOT));
        }
        return values;
    }
}
