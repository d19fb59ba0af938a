// Checks Groovy files for syntax with real Groovy 2.4 (parse and AST conversion, no class
// resolution), all in one JVM. Prints one line per file:
//   OK <path>
//   ERROR <path>:<line>:<column>: <message>
// Usage: scripts/groovy-syntax-check.sh [--phase NAME] FILE_OR_DIR...
//   --phase NAME  compile up to this org.codehaus.groovy.control.Phases constant instead of
//                 CONVERSION (e.g. SEMANTIC_ANALYSIS, CANONICALIZATION, CLASS_GENERATION) to
//                 catch errors raised after AST conversion. Later phases resolve classes, so use
//                 them only on code that does not refer to unknown classes (Jenkins steps and
//                 globals are fine: they are dynamic method calls and properties).
import org.codehaus.groovy.control.*
import org.codehaus.groovy.control.messages.*
import org.codehaus.groovy.syntax.SyntaxException

def argList = args as List
int phase = Phases.CONVERSION
if (argList && argList[0] == '--phase') {
    if (argList.size() < 2) {
        System.err.println 'usage: groovy-syntax-check.sh [--phase NAME] FILE_OR_DIR...'
        System.exit(2)
    }
    def name = argList[1]
    try {
        phase = Phases.getField(name).getInt(null)
    } catch (NoSuchFieldException ignored) {
        System.err.println "unknown phase: ${name} (use a constant of org.codehaus.groovy.control.Phases)"
        System.exit(2)
    }
    argList = argList.drop(2)
}

def files = []
argList.each { a ->
    def f = new File(a)
    if (f.isDirectory()) {
        f.eachFileRecurse { if (it.isFile()) files << it }
    } else {
        files << f
    }
}
files.sort { it.path }.each { f ->
    def unit = new CompilationUnit(new CompilerConfiguration())
    unit.addSource(new SourceUnit(f.path, f.getText('UTF-8'), unit.configuration, unit.classLoader, unit.errorCollector))
    try {
        unit.compile(phase)
        println "OK ${f.path}"
    } catch (CompilationFailedException e) {
        def msg = unit.errorCollector.errors?.find { true }
        SyntaxException se = null
        if (msg instanceof SyntaxErrorMessage) {
            se = msg.cause
        } else if (msg instanceof ExceptionMessage) {
            // Later phases (e.g. class generation rejecting `===`) wrap a SyntaxException.
            for (Throwable t = msg.cause; t != null && se == null; t = t.cause) {
                if (t instanceof SyntaxException) se = t
            }
        }
        if (se != null) {
            def text = se.originalMessage.readLines().join(' ').replaceAll(/\.? at line: \d+ column: \d+\. File: .*$/, '')
            println "ERROR ${f.path}:${se.line}:${se.startColumn}: ${text}"
        } else if (msg instanceof ExceptionMessage && (msg.cause?.message ?: '') =~ /^(.*?)\.? line: (\d+) col: ?(\d+)/) {
            // Lexer I/O errors (e.g. a unicode escape without four hex digits) carry their
            // position only in the message text.
            def m = (msg.cause.message =~ /^(.*?)\.? line: (\d+) col: ?(\d+)/)
            m.find()
            println "ERROR ${f.path}:${m.group(2)}:${m.group(3)}: ${m.group(1).readLines().join(' ')}"
        } else {
            println "ERROR ${f.path}:0:0: ${e.message.readLines().join(' ')}"
        }
    }
}
