// Checks Groovy files for syntax with real Groovy 2.4 (parse and AST conversion, no class
// resolution), all in one JVM. Prints one line per file:
//   OK <path>
//   ERROR <path>:<line>:<column>: <message>
// Usage: scripts/groovy-syntax-check.sh FILE_OR_DIR...
import org.codehaus.groovy.control.*
import org.codehaus.groovy.control.messages.*
import org.codehaus.groovy.syntax.SyntaxException

def files = []
args.each { a ->
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
        unit.compile(Phases.CONVERSION)
        println "OK ${f.path}"
    } catch (CompilationFailedException e) {
        def msg = unit.errorCollector.errors?.find { true }
        if (msg instanceof SyntaxErrorMessage) {
            SyntaxException se = msg.cause
            def text = se.originalMessage.readLines().join(' ').replaceAll(/\.? at line: \d+ column: \d+\. File: .*$/, '')
            println "ERROR ${f.path}:${se.line}:${se.startColumn}: ${text}"
        } else {
            println "ERROR ${f.path}:0:0: ${e.message.readLines().join(' ')}"
        }
    }
}
