#pragma once

#include <cstdint>

namespace loopscope::script::vm {

// The VM's instruction set: a stack machine shaped like CPython 3.11's, with a block stack for
// exception handlers (SETUP_FINALLY / POP_BLOCK) instead of an exception table, because a block
// stack lives in the frame and so survives a generator's suspension for free.
//
// Exception handlers: when an exception reaches a frame, the innermost block is popped, the value
// stack is cut back to the block's depth, the exception is pushed and execution jumps to the
// handler. The handler's code then runs PUSH_EXC_INFO (saving the previously handled exception
// under it) and POP_EXCEPT / POP_EXCEPT_AND_RERAISE restore it.
enum class Op : std::uint8_t {
    Nop,
    PopTop,
    Copy,  // arg n: push a copy of the n-th item from the top (1 = top)
    Swap,  // arg n: swap the top with the n-th item
    LoadConst,
    LoadFast,
    LoadFastChecked,  // a local that may be unbound: UnboundLocalError when it is
    StoreFast,
    DeleteFast,
    LoadDeref,  // arg: cell slot (cells then frees, after the locals)
    StoreDeref,
    DeleteDeref,
    LoadClassDeref,  // class body: the class namespace first, then the cell
    LoadClosure,     // push the cell object itself (for MAKE_FUNCTION's closure tuple)
    LoadName,        // class body / module: namespace, globals, builtins
    StoreName,
    DeleteName,
    LoadGlobal,
    StoreGlobal,
    DeleteGlobal,
    LoadAttr,
    StoreAttr,
    DeleteAttr,
    LoadMethod,  // push [method, self] or [callable, NULL]: CALL_METHOD skips a bound method
    CallMethod,  // arg: positional count
    BinaryOp,    // arg: NumberOp
    InplaceOp,   // arg: NumberOp
    UnaryNegative,
    UnaryPositive,
    UnaryInvert,
    UnaryNot,
    CompareOp,   // arg: CompareOp
    IsOp,        // arg 1: `is not`
    ContainsOp,  // arg 1: `not in`
    BinarySubscr,
    StoreSubscr,  // stack: value, container, key
    DeleteSubscr,
    BuildSlice,  // arg 2 or 3
    BuildTuple,
    BuildList,
    BuildSet,
    BuildMap,     // arg: pairs
    BuildString,  // arg: pieces
    ListAppend,   // arg: depth of the list below the item
    SetAdd,
    MapAdd,      // stack: ..., dict, ..., key, value
    ListExtend,  // arg: depth of the list below the iterable
    SetUpdate,
    DictUpdate,  // {**x}
    DictMerge,   // f(**x): duplicate keys are an error
    ListToTuple,
    FormatValue,     // arg: conversion (0 none, 1 s, 2 r, 3 a) | 4 when a spec is on the stack
    UnpackSequence,  // arg: count
    UnpackEx,        // arg: before | after << 8
    Jump,
    PopJumpIfFalse,
    PopJumpIfTrue,
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    GetIter,
    ForIter,       // arg: target when exhausted (the iterator is popped)
    Call,          // arg: positional count; stack: callable, args
    CallKw,        // arg: total count; stack: callable, args, names tuple
    CallEx,        // arg 1: with kwargs dict; stack: callable, args tuple, [kwargs dict]
    MakeFunction,  // arg: index into code.functions; stack: [defaults tuple] [kwdefaults dict]
                   // [closure tuple] as the child's flags say
    ReturnValue,
    YieldValue,    // arg 1: a delegating yield (SEND's), 0: a `yield` expression
    GetAwaitable,  // arg: 0 await, 1 after __aenter__, 2 after __aexit__ (for messages)
    GetYieldFromIter,
    Send,  // arg: target when the delegate returned; stack: sub, value
    GetAiter,
    GetAnext,      // pushes the awaitable of __anext__ (the async iterator stays)
    EndAsyncFor,   // the handler of async for: StopAsyncIteration ends it, else reraise
    SetupFinally,  // arg: handler
    PopBlock,
    PushExcInfo,
    PopExcept,
    PopExceptAndReraise,
    Reraise,
    CheckExcMatch,    // stack: exc, type → exc, bool
    CheckEgMatch,     // except*: stack: eg, type → rest, match (None if none)
    PrepReraiseStar,  // stack: orig, list of raised → exception to raise or None
    RaiseVarargs,     // arg: 0 bare, 1 exc, 2 exc from cause
    LoadAssertionError,
    BeforeWith,       // push bound __exit__, then __enter__()
    BeforeAsyncWith,  // push bound __aexit__, then __aenter__() (an awaitable)
    ExitWithNone,     // stack: exit → call exit(None, None, None), push its result
    WithExceptStart,  // stack: exit, prev, exc → ..., result of exit(type, exc, tb)
    BuildClass,       // stack: body function, name, bases tuple → class (keywords unused)
    ImportName,       // arg: name; stack: fromlist (None or tuple) → module
    ImportFrom,       // arg: name; stack: module → module, attribute
    ImportStar,       // stack: module
    SetupAnnotations,
    LoadLocals,
    SuperCall,  // arg: positional count (0): super(__class__, first argument)
    // arg: count; a set display of 3 or more constants, which CPython folds into a frozenset
    // constant copied by SET_UPDATE: its order differs from adding the items one by one.
    BuildConstSet,
    // arg: count; the frozenset constant CPython makes of a constant set display iterated by
    // `for` or a comprehension.
    BuildConstFrozenset,
    Count,
};

}  // namespace loopscope::script::vm
