counter = 0

def make_counter(start=0, *, step=1):
    n = start
    def inc():
        nonlocal n
        n += step
        return n
    return inc

def bump():
    global counter
    counter += 1
    return counter

c = make_counter(10, step=5)
print(c(), c(), c())
print(bump(), bump(), counter)
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])

def outer():
    xs = []
    def add(v):
        xs.append(v)
        return len(xs)
    add(1); add(2)
    return xs
print(outer())

def varargs(a, *rest, sep="-", **kw):
    return sep.join(str(x) for x in (a,) + rest) + str(sorted(kw.items()))
print(varargs(1, 2, 3, sep="+", z=1, y=2))
args = [4, 5]
print(varargs(*args, **{"q": 9}))
