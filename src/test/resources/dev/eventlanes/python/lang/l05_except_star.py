def show(label, f):
    try:
        f()
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e))

def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("values:", repr(e))
    except* TypeError as e:
        print("types:", repr(e))
    print("t1 swallowed all")

def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print("got", e.exceptions)

def t3():
    try:
        raise ValueError("naked")
    except* TypeError:
        print("no")

def t4():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked caught as", repr(e))

def t5():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* TypeError as e:
        print("inner types:", repr(e))
        raise RuntimeError("from handler")

def t6():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise

t1()
show("t2", t2)
show("t3", t3)
t4()
show("t5", t5)
show("t6", t6)
