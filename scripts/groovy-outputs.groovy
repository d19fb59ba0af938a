// Runs differential Groovy cases with real Groovy 2.4 and records what they printed, all in one JVM.
// For each case <dir>/<name>.groovy it writes:
//   <name>.out        exactly what the script printed to stdout (println/print/printf, System.out)
//   <name>.exception  only if the script ended in an uncaught exception:
//                     line 1 = fully qualified exception class name,
//                     then getMessage() verbatim (nothing after line 1 if the message is null),
//                     the file always ends with one '\n' after the message.
//                     A stale .exception is deleted when the case no longer throws.
// Each case runs in a fresh GroovyShell with a fresh Binding (whose `out` is the capture writer)
// and is compiled with the script class name `WorkflowScript`, as Jenkins does.
// Usage: scripts/regen-groovy-outputs.sh [FILE_OR_DIR...]   (default: fixtures/groovy)
// Exit status 1 if any case did not compile (its .exception then holds the compiler message).
import groovy.transform.Field

@Field final String CHARSET = 'UTF-8'
@Field final long TIMEOUT_MS = 20000

Locale.setDefault(Locale.US)
TimeZone.setDefault(TimeZone.getTimeZone('UTC'))

def roots = args ? args as List : ['fixtures/groovy']
def files = []
roots.each { a ->
    def f = new File(a)
    if (f.isDirectory()) {
        f.eachFileRecurse { if (it.isFile() && it.name.endsWith('.groovy')) files << it }
    } else if (f.isFile()) {
        files << f
    } else {
        System.err.println "no such file or directory: ${a}"
        System.exit(2)
    }
}
files = files.sort { it.path }

// Undo metaclass changes a case makes to shared classes (String.metaClass.foo = ..., etc.).
def changed = Collections.synchronizedSet(new HashSet())
GroovySystem.metaClassRegistry.addMetaClassRegistryChangeEventListener({ ev ->
    if (ev.classToUpdate != null) changed << ev.classToUpdate
} as MetaClassRegistryChangeEventListener)

def realOut = System.out
def realErr = System.err
int nOk = 0, nExc = 0, nBad = 0
def problems = []
long t0 = System.currentTimeMillis()

files.each { File f ->
    def base = f.path[0..<-('.groovy'.length())]
    def outFile = new File(base + '.out')
    def excFile = new File(base + '.exception')
    def text = f.getText(CHARSET)

    def bytes = new ByteArrayOutputStream()
    def ps = new PrintStream(bytes, true, CHARSET)
    // Unbuffered writer straight into the same PrintStream so println from the script (binding out)
    // and System.out.println (e.g. from classes) interleave in order.
    def writer = new Writer() {
        void write(char[] cbuf, int off, int len) { ps.print(new String(cbuf, off, len)) }
        void flush() { ps.flush() }
        void close() { ps.flush() }
    }
    def pw = new PrintWriter(writer, true)

    Throwable thrown = null
    def runner = new Thread({
        try {
            def binding = new Binding()
            binding.setVariable('out', pw)
            def shell = new GroovyShell(binding)
            def script = shell.parse(text, 'WorkflowScript')
            script.run()
        } catch (Throwable t) {
            thrown = t
        }
    } as Runnable)
    runner.daemon = true
    System.setOut(ps)
    try {
        runner.start()
        runner.join(TIMEOUT_MS)
    } finally {
        pw.flush()
        ps.flush()
        System.setOut(realOut)
    }
    if (runner.alive) {
        problems << "TIMEOUT ${f.path} (no files written; aborting)"
        realErr.println problems.join('\n')
        System.exit(1)
    }
    synchronized (changed) {
        changed.each { GroovySystem.metaClassRegistry.removeMetaClass(it) }
        changed.clear()
    }

    outFile.setBytes(bytes.toByteArray())
    if (thrown != null) {
        def msg = thrown.message
        excFile.setText(thrown.getClass().name + '\n' + (msg == null ? '' : msg + '\n'), CHARSET)
        if (thrown instanceof org.codehaus.groovy.control.CompilationFailedException) {
            nBad++
            problems << "COMPILE-ERROR ${f.path}: ${msg?.readLines()?.take(2)?.join(' ')}"
        } else {
            nExc++
        }
        realOut.println "EXC  ${f.path}: ${thrown.getClass().name}"
    } else {
        if (excFile.exists()) excFile.delete()
        nOk++
        realOut.println "OK   ${f.path}"
    }
}
realOut.println "${files.size()} cases: ${nOk} ok, ${nExc} ended in an exception, ${nBad} did not compile (${System.currentTimeMillis() - t0} ms)"
problems.each { realErr.println it }
if (nBad) System.exit(1)
